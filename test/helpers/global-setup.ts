/** jest's globalSetup: the folder of the run's LibreOffice (test/helpers/libreoffice.ts). */
export { startRun as default } from "./libreoffice";
