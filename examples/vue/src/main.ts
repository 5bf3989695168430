import { createApp } from 'vue';
// Registers the custom elements once, before Vue renders them.
import '@pxm/elements/define';
// Template types for the <pxm-*> tags and their events (checked by vue-tsc).
import type {} from '@pxm/elements/vue';
import App from './App.vue';
import './styles.css';

createApp(App).mount('#app');
