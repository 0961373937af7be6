// placeholder until lit-localize build
export const templates = {};
