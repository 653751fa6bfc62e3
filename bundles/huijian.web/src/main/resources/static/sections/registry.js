// What the installed capabilities add to the web app. Each capability (GET /api/capabilities) may bring
//   - admin console sections      registerSection()     #/admin/<id>
//   - lawyer portal pages         registerPortalPage()  #/portal/<id>
//   - lawyer portal banners       registerPortalBanner() (shown above every portal page)
//   - public pages                registerPublicPage()  #/<id>, linked from the sign-in page
// A feature's web module registers them when loaded. To add one, map its capability id to its module
// below; it is loaded only when the site runs that capability.
const FEATURE_MODULES = {
  core: './core.js',
  booking: './booking.js',
  meeting: './meeting.js',
  media: './media.js',
};

const sections = [];
const portalPages = [];
const portalBanners = [];
const publicPages = [];
const loaded = new Set();

function add(list, def) {
  if (def.id && list.some(x => x.id === def.id)) return;
  list.push({ order: 100, ...def });
  list.sort((a, b) => a.order - b.order);
}

/**
 * def = { id, capability, roles: [...], titleKey, order, landingFor: [roles it is the first screen of], render(container, ctx) }
 * ctx = { session, params (route segments after the section id), canWrite, rerender() }
 */
export function registerSection(def) { add(sections, def); }

/**
 * A page of the lawyer portal at #/portal/<id>, with a link (id `navId`, default `nav-<id>`) in the portal's
 * navigation. def = { id, capability, titleKey, order, navId, render(container, ctx) }
 * ctx = { session, params (route segments after the page id), capabilities, rerender() }
 */
export function registerPortalPage(def) { add(portalPages, def); }

/** Shown above every portal page. def = { id, capability, order, render(container, ctx) } */
export function registerPortalBanner(def) { add(portalBanners, def); }

/**
 * A page for people who are not signed in, at #/<id>, linked from the sign-in page (link id `<id>-link`,
 * text `linkKey`). def = { id, capability, linkKey, order, render(root, app, params) }
 */
export function registerPublicPage(def) { add(publicPages, def); }

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

function installed(list, capabilityIds) {
  const ids = new Set(capabilityIds);
  return list.filter(x => ids.has(x.capability));
}

/** The sections of installed capabilities that one of the user's roles may see. */
export function visibleSections(capabilityIds, roles) {
  return installed(sections, capabilityIds).filter(s => s.roles.some(r => roles.includes(r)));
}

export function visiblePortalPages(capabilityIds) { return installed(portalPages, capabilityIds); }

export function visiblePortalBanners(capabilityIds) { return installed(portalBanners, capabilityIds); }

export function visiblePublicPages(capabilityIds) { return installed(publicPages, capabilityIds); }
