// Starlight's additions to Astro.locals (the `t()` translator used by the
// search button override), which the config import would otherwise bring in.
/// <reference types="@astrojs/starlight" />
