module.exports = require("./library")("jszip", "jszip/lib/index.js");
