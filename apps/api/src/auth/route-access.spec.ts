import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { isPermission } from '@yardmaster/contracts';
import { API_CONTROLLERS } from '../api.module';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';

/** Every route of every controller, with the access rule the guard will read (the method's, else the class's). */
function routes(): Array<{ route: string; access: RouteAccess | undefined }> {
  return API_CONTROLLERS.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => controller.prototype[name] as object)
      .filter((handler) => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => ({
        route: `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod]} ${`/${base}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')}`,
        access: (Reflect.getMetadata(ROUTE_ACCESS, handler) ?? Reflect.getMetadata(ROUTE_ACCESS, controller)) as RouteAccess | undefined,
      }));
  });
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

  it('leaves only health public', () => {
    const publicRoutes = routes().filter(({ access }) => access?.kind === 'public').map(({ route }) => route);

    expect(publicRoutes).toEqual(['GET /api/health']);
  });
});
