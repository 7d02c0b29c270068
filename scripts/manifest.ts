/**
 * package.json's command, menu, keybinding and configuration contributions, generated from
 * the tables in code (src/constants.ts COMMANDS, src/core/settings.ts SETTINGS_SCHEMA).
 * `npm run sync-manifest` writes them; test/unit/conventions.test.ts fails when they drift.
 */
import { CATEGORY, commandSpecs, VIEW_CONTAINERS, VIEWS } from '../src/constants';
import { CONFIG_SECTION, SETTINGS_SCHEMA } from '../src/core/settings';

export interface ManifestPart {
  contributes: {
    commands: unknown[];
    menus: Record<string, unknown[]>;
    viewsContainers: Record<string, unknown[]>;
    views: Record<string, unknown[]>;
    keybindings: unknown[];
    configuration: unknown[];
  };
  restrictedConfigurations: string[];
}

export function generateManifestPart(): ManifestPart {
  const commands = commandSpecs().map(([command, spec]) => ({
    command,
    title: spec.title,
    category: CATEGORY,
    ...(spec.icon ? { icon: spec.icon } : {}),
    ...(spec.enablement ? { enablement: spec.enablement } : {}),
  }));
  const commandPalette = commandSpecs()
    .filter(([, spec]) => spec.internal || spec.when)
    .map(([command, spec]) => ({ command, when: spec.internal ? 'false' : spec.when }));
  const editorContext = commandSpecs()
    .filter(([, spec]) => spec.editorContext)
    .map(([command, spec]) => ({ command, when: spec.editorContext!.when, group: spec.editorContext!.group }));
  const keybindings = commandSpecs()
    .filter(([, spec]) => spec.keybinding)
    .map(([command, spec]) => ({
      command,
      key: spec.keybinding!.key,
      ...(spec.keybinding!.mac ? { mac: spec.keybinding!.mac } : {}),
      when: spec.keybinding!.when,
    }));
  const menus: Record<string, unknown[]> = { commandPalette };
  if (editorContext.length) menus['editor/context'] = editorContext;
  const viewTitle = commandSpecs()
    .filter(([, spec]) => spec.viewTitle)
    .map(([command, spec]) => ({ command, when: spec.viewTitle!.when, group: spec.viewTitle!.group }));
  if (viewTitle.length) menus['view/title'] = viewTitle;
  const viewItem = commandSpecs()
    .filter(([, spec]) => spec.viewItem)
    .map(([command, spec]) => ({ command, when: spec.viewItem!.when, group: spec.viewItem!.group }));
  if (viewItem.length) menus['view/item/context'] = viewItem;
  const viewsContainers: Record<string, unknown[]> = {};
  for (const container of Object.values(VIEW_CONTAINERS))
    (viewsContainers[container.location] ??= []).push({
      id: container.id,
      title: container.title,
      icon: container.icon,
    });
  const views: Record<string, unknown[]> = {};
  for (const view of Object.values(VIEWS))
    (views[view.container] ??= []).push({ id: view.id, name: view.name, when: view.when });

  const configuration = SETTINGS_SCHEMA.map((section, sectionIndex) => ({
    id: `${CONFIG_SECTION}.${section.title.toLowerCase().replace(/\s+/g, '-')}`,
    title: section.title,
    order: sectionIndex + 1,
    properties: Object.fromEntries(
      section.settings.map((s, i) => [
        `${CONFIG_SECTION}.${s.key}`,
        {
          type: s.type,
          default: s.default,
          scope: s.scope,
          markdownDescription: s.markdownDescription,
          order: s.order ?? i,
          ...(s.enum ? { enum: s.enum } : {}),
          ...(s.markdownEnumDescriptions ? { markdownEnumDescriptions: s.markdownEnumDescriptions } : {}),
          ...(s.minimum !== undefined ? { minimum: s.minimum } : {}),
          ...(s.maximum !== undefined ? { maximum: s.maximum } : {}),
          ...(s.additionalProperties ? { additionalProperties: s.additionalProperties } : {}),
        },
      ]),
    ),
  }));
  const restrictedConfigurations = SETTINGS_SCHEMA.flatMap((s) => s.settings)
    .filter((s) => s.restricted)
    .map((s) => `${CONFIG_SECTION}.${s.key}`);
  return {
    contributes: { commands, menus, viewsContainers, views, keybindings, configuration },
    restrictedConfigurations,
  };
}

/** Applies the generated part to a parsed package.json, keeping everything else. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- package.json is free-form JSON
export function applyManifestPart(pkg: Record<string, any>): Record<string, any> {
  const part = generateManifestPart();
  const contributes = { ...(pkg['contributes'] ?? {}), ...part.contributes };
  const capabilities = pkg['capabilities'] ?? {};
  return {
    ...pkg,
    contributes,
    capabilities: {
      ...capabilities,
      untrustedWorkspaces: {
        ...(capabilities.untrustedWorkspaces ?? {}),
        restrictedConfigurations: part.restrictedConfigurations,
      },
    },
  };
}
