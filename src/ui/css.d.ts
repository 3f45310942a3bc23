/** `import "./x.css"`: webpack emits the stylesheet (experiments.css); there is nothing to import from it. */
declare module "*.css";
