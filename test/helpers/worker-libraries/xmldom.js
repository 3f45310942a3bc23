module.exports = require("./library")("@xmldom/xmldom");
