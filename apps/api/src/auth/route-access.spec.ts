import 'reflect-metadata';
import { isPermission } from '@yardmaster/contracts';
import { API_CONTROLLERS } from '../api.module';
import { declaredRoutes } from './declared-routes';

/** Every route of every controller, with the access rule the guard will read (the method's, else the class's). */
function routes() {
  return declaredRoutes(API_CONTROLLERS).map(({ method, path, access }) => ({ route: `${method.toUpperCase()} ${path}`, access }));
}

describe('route access declarations', () => {
  it('finds the routes of every controller', () => {
    expect(routes().length).toBeGreaterThan(30);
  });

  it('has every route declare who may use it (the guard refuses a route that does not)', () => {
    const undeclared = routes().filter(({ access }) => access === undefined).map(({ route }) => route);

    expect(undeclared).toEqual([]);
  });

  it('declares only known permissions', () => {
    for (const { route, access } of routes()) {
      if (access?.kind === 'permission') expect([route, isPermission(access.permission)]).toEqual([route, true]);
    }
  });

  it('leaves only health and the event contract public (the OpenAPI document is served outside the controllers)', () => {
    const publicRoutes = routes().filter(({ access }) => access?.kind === 'public').map(({ route }) => route);

    expect(publicRoutes.sort()).toEqual(['GET /api/events-doc', 'GET /api/health']);
  });
});
