module.exports = require("./library")("@xmldom/xmldom", "@xmldom/xmldom/lib/index.js");
