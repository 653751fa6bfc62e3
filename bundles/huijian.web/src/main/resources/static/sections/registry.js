// The admin console's sections. Each installed capability (GET /api/capabilities) may bring
// sections: a feature's web module calls registerSection() when loaded. To add one, map its
// capability id to its module below (e.g. booking: './booking.js'); it is loaded only when the
// site runs that capability.
const FEATURE_MODULES = {
  core: './core.js',
};

const sections = [];
const loaded = new Set();

/**
 * def = { id, capability, roles: [...], titleKey, order, render(container, ctx) }
 * ctx = { session, params (route segments after the section id), canWrite, rerender() }
 */
export function registerSection(def) {
  if (sections.some(s => s.id === def.id)) return;
  sections.push({ order: 100, ...def });
  sections.sort((a, b) => a.order - b.order);
}

/** Loads the web modules of the installed capabilities (once each). */
export async function loadFeatureModules(capabilityIds) {
  for (const id of capabilityIds) {
    const module = FEATURE_MODULES[id];
    if (!module || loaded.has(id)) continue;
    try {
      await import(module);
      loaded.add(id);
    } catch (error) {
      console.error(`web module of capability ${id}`, error);
    }
  }
}

/** The sections of installed capabilities that one of the user's roles may see. */
export function visibleSections(capabilityIds, roles) {
  const installed = new Set(capabilityIds);
  return sections.filter(s => installed.has(s.capability) && s.roles.some(r => roles.includes(r)));
}
