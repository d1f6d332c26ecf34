export { generatePopulation, type PopulationOptions, type DemoProfile, type DemoEvent } from "./generate-population";
export { loadPopulation, type LoadReport } from "./load-population";
export { LATENT_PERSONAS } from "./personas";
export { DEMO_CAMPAIGNS, RATES } from "./campaigns";
