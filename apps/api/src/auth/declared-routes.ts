import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';

/** One route of a controller as the guard sees it, with its path as OpenAPI writes it (`/api/users/{username}`). */
export interface DeclaredRoute {
  /** Lower case, as OpenAPI keys operations: `get`, `post`, ... */
  readonly method: string;
  readonly path: string;
  /** The access rule the guard reads: the method's, else the class's; undefined when there is none (refused). */
  readonly access: RouteAccess | undefined;
}

function joinPath(base: string, path: string): string {
  const joined = `/${base}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Every route of `controllers`, read from Nest's metadata: what the guard and the OpenAPI document are checked against. */
export function declaredRoutes(controllers: readonly Type[]): DeclaredRoute[] {
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => (controller.prototype as Record<string, unknown>)[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => ({
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase(),
        path: joinPath(base, String(Reflect.getMetadata(PATH_METADATA, handler))),
        access: (Reflect.getMetadata(ROUTE_ACCESS, handler) ?? Reflect.getMetadata(ROUTE_ACCESS, controller)) as RouteAccess | undefined,
      }));
  });
}
