import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/connect.js';
import { contentVersionOf } from './content-version-repository.js';
import { findShopByDomain, findShopById, findShopByPublicToken, type ShopRow } from './shop-repository.js';
import { revealPrivateToken } from './shop-service.js';

/** A shop row together with the content version it was read at. */
export interface CurrentShop {
  shop: ShopRow;
  /** Moves on with every change to the shop or to what it publishes (migration 014). */
  version: number;
}

interface Known extends CurrentShop {
  /** The shop row's own version: while it holds, the row need not be read again. */
  shopVersion: number;
  /** The private token as HMAC key material, opened once per version instead of once per signed request. */
  signingKey?: KeyObject;
  /** The database's change mark read just before the version was; see `byId`. */
  checkedAtMark: number | undefined;
}

const directories = new WeakMap<Db, ShopDirectory>();

/**
 * Shop rows kept in memory while their content version holds. Every lookup reads the version (one
 * primary-key row), and only a changed version reads the row again, so a renamed shop, a rotated
 * private token or a deactivation is seen by the very next request of every process, and a busy
 * storefront or API pays one query where it paid a row read and a decryption.
 */
export class ShopDirectory {
  readonly #known = new Map<string, Known>();
  readonly #idByDomain = new Map<string, string>();
  readonly #idByPublicToken = new Map<string, string>();

  readonly #kysely: Kysely<Database>;

  private constructor(private readonly db: Db) {
    this.#kysely = db.kysely;
  }

  /** One directory per database, shared by every surface of the process. */
  static of(db: Db): ShopDirectory {
    let directory = directories.get(db);
    if (directory === undefined) {
      directory = new ShopDirectory(db);
      directories.set(db, directory);
    }
    return directory;
  }

  async byId(shopId: string): Promise<CurrentShop | undefined> {
    // Where the database tells cheaply that nothing at all was committed since the shop's version
    // was read (SQLite), that version still holds and the query is skipped. The mark is read
    // before the version, so a commit in between shows as a changed mark next time.
    const mark = await this.db.changeMark?.();
    const known = this.#known.get(shopId);
    if (known !== undefined && mark !== undefined && known.checkedAtMark === mark) return known;
    const versions = await contentVersionOf(this.#kysely, shopId);
    if (versions === undefined) {
      this.#known.delete(shopId);
      return undefined;
    }
    if (known !== undefined && known.version === versions.version) {
      known.checkedAtMark = mark;
      return known;
    }
    // A new review moves the content version but leaves the shop row as it was: keep the row.
    if (known !== undefined && known.shopVersion === versions.shopVersion) {
      const moved: Known = { ...known, version: versions.version, checkedAtMark: mark };
      this.#known.set(shopId, moved);
      return moved;
    }
    // Read after the versions, the row is at least as new as they are; a write in between only
    // makes the remembered versions older than the row, which costs one more read later, never a
    // stale one.
    const shop = await findShopById(this.#kysely, shopId);
    if (shop === undefined) return undefined;
    const fresh: Known = { shop, version: versions.version, shopVersion: versions.shopVersion, checkedAtMark: mark };
    this.#known.set(shopId, fresh);
    return fresh;
  }

  byDomain(domain: string): Promise<CurrentShop | undefined> {
    return this.#through(this.#idByDomain, domain, () => findShopByDomain(this.#kysely, domain), (shop) => shop.domain === domain);
  }

  byPublicToken(publicToken: string): Promise<CurrentShop | undefined> {
    return this.#through(this.#idByPublicToken, publicToken, () => findShopByPublicToken(this.#kysely, publicToken), (shop) => shop.public_token === publicToken);
  }

  /** The shop's private token as an HMAC key, opened with the server's secret key once per content version. */
  signingKeyOf(current: CurrentShop, secretKey: Buffer): KeyObject {
    const known = current as Known;
    known.signingKey ??= createSecretKey(revealPrivateToken(secretKey, current.shop), 'utf8');
    return known.signingKey;
  }

  /**
   * A lookup by another unique column, remembered as the shop's id. What was remembered is checked
   * against the current row, so a domain or token that has moved on is looked up afresh.
   */
  async #through(ids: Map<string, string>, value: string, find: () => Promise<ShopRow | undefined>, matches: (shop: ShopRow) => boolean): Promise<CurrentShop | undefined> {
    const remembered = ids.get(value);
    if (remembered !== undefined) {
      const current = await this.byId(remembered);
      if (current !== undefined && matches(current.shop)) return current;
      ids.delete(value);
    }
    const found = await find();
    if (found === undefined) return undefined;
    const current = await this.byId(found.id);
    if (current === undefined || !matches(current.shop)) return undefined;
    ids.set(value, found.id);
    return current;
  }
}
