import type { EdgeLayout } from '../edge/edge-layout.js';

/**
 * Element Web's config.json: this homeserver as the default, other servers still allowed
 * (disable_custom_urls false) so users of other homeservers can sign in too.
 */
export function elementConfig(layout: EdgeLayout): string {
  const config = {
    default_server_config: {
      'm.homeserver': { base_url: `https://${layout.synapseHost}`, server_name: layout.serverName },
    },
    disable_custom_urls: false,
    disable_guests: true,
    brand: 'Element',
    default_theme: 'light',
    room_directory: { servers: [layout.serverName] },
  };
  return `${JSON.stringify(config, null, 4)}\n`;
}
