module.exports = require("./library")("saxes");
