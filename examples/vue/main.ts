// Vue 3: define the elements (the package's per-element modules), then mount the app.
import { createApp } from 'vue';
import 'zhengwu-elements/policy-card.js';
import 'zhengwu-elements/disclosure-directory.js';
import App from './App.vue';
import '../example.css';

createApp(App).mount('#app');
