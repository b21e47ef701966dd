// Schematic's owner-facing billing UI: the plan manager inside its embed provider, with React 19.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedProvider, PlanManager } from '@schematichq/schematic-components';

createRoot(document.getElementById('root')).render(h(EmbedProvider, { apiKey: 'api-key' }, h(PlanManager)));
