import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type TArray, type TObject, type TOptional, type TString, type TUnion, Type } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * A Fastify instance whose routes take their request types from their TypeBox schemas: the
 * schema that Ajv checks is the type the handler reads, so no handler casts its input.
 */
export type TypedApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export function typedRoutes(app: FastifyInstance): TypedApp {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

type Named<K extends string, T> = { [P in K]: T };

function objectOf<K extends string, T extends TOptional<TString> | TString | TOptional<TArray<TString>>>(names: readonly K[], property: () => T): TObject<Named<K, T>> {
  const properties = Object.fromEntries(names.map((name) => [name, property()])) as Named<K, T>;
  return Type.Object(properties);
}

/** Path parameters: every name is a string segment of the matched URL. */
export function pathParams<K extends string>(...names: K[]): TObject<Named<K, TString>> {
  return objectOf(names, () => Type.String());
}

/**
 * The names a page reads from its query string, in the shape http/query-string.ts parses it:
 * every value given for the name, in order. Other names pass through unread.
 */
export function queryValues<K extends string>(...names: K[]): TObject<Named<K, TOptional<TArray<TString>>>> {
  return objectOf(names, () => Type.Optional(Type.Array(Type.String())));
}

/**
 * Fields of a form posted as application/x-www-form-urlencoded: each given at most once. A field
 * sent twice is refused with a 400 page instead of being guessed at. Other fields (the CSRF
 * token, buttons' names) pass through unread.
 */
export function formFields<K extends string>(...names: K[]): TObject<Named<K, TOptional<TString>>> {
  return objectOf(names, () => Type.Optional(Type.String()));
}

/** A form field that may repeat (a list of checkboxes): one value arrives as a string. */
export const repeatableField: TOptional<TUnion<[TString, TArray<TString>]>> = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));

/** A form field's text without surrounding blanks; '' when the field was not sent. */
export function trimmedField(value: string | undefined): string {
  return value?.trim() ?? '';
}

/** The first value given for a query name, if any. */
export function firstOf(values: readonly string[] | undefined): string | undefined {
  return values?.[0];
}
