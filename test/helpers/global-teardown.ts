/** jest's globalTeardown: stops the run's LibreOffice, if a test started it, and removes its folder. */
export { stopLibreOffice as default } from "./libreoffice";
