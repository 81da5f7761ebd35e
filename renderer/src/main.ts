import './early-connection';
import { mount } from 'svelte';
import App from './App.svelte';
import { browserLang, startI18n } from './i18n';
import './theme.css';

startI18n(browserLang());
mount(App, { target: document.getElementById('app')! });
