import { mount } from 'svelte';
import App from './App.svelte';
import { getDoctorApi } from './lib/api';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to show the wizard in.');

mount(App, { target, props: { api: getDoctorApi() } });
