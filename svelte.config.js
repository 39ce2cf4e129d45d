import { vitePreprocess } from '@astrojs/svelte';

// TypeScript in <script lang="ts"> blocks of the widgets.
export default { preprocess: vitePreprocess() };
