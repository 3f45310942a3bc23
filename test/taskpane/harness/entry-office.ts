/** The real task pane entry over the Office stand-in (the stand-in must be imported first). */
import "./officeStandIn";
import "../../../src/taskpane/index";
