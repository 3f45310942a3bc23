module.exports = require("./library")("saxes", "saxes/saxes.js");
