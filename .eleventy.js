// Eleventy's configuration lives in TypeScript under src/site; tsx lets Eleventy load it directly.
import { register } from "tsx/esm/api";

register();
const { default: verbatimEleventy } = await import("./src/site/eleventy-config.ts");

export default verbatimEleventy;
