module.exports = require("./library")("jszip");
