import { type EntityClass, type MetadataStorage, ReferenceKind } from '@mikro-orm/core';

/** A row as PostgreSQL's row_to_json gives it: column names, JSON values. */
export type JsonRow = Record<string, unknown>;

interface Shape {
  /** Columns copied to properties; `into` is the embeddable (the OSARA record) they belong to. */
  scalars: { name: string; column: string; date: boolean; into?: string }[];
  embeddables: string[];
  relations: { name: string; column: string; target: string }[];
}

const shapes = new WeakMap<object, Shape>();

/**
 * JSON rows as plain objects shaped like their entities: the property names and values `em.find`
 * gives (timestamps as Dates; dates, doubles and enum arrays already come as their JavaScript
 * values in JSON), embeddables nested, and each relation pointing at the object of the row it
 * names when that row was added too, as in the identity map, or else at a reference `{ id }`.
 *
 * For the read-only case graph (src/cases/case-graph.ts): hydrating its hundreds of rows into
 * managed entities cost more than everything else the request does with them. Nothing is ever
 * written back through these objects, and they are not in any EntityManager.
 */
export class EntityShapedRows {
  private readonly objects = new Map<string, Map<string, JsonRow>>();
  private readonly unlinked: { object: JsonRow; row: JsonRow; shape: Shape }[] = [];

  constructor(private readonly metadata: MetadataStorage) {}

  /** The rows' objects, typed as the entity they stand for; relations are set by `link`. */
  add<T extends object>(entity: EntityClass<T>, rows: JsonRow[]): T[] {
    const shape = this.shapeOf(entity);
    let byId = this.objects.get(entity.name);
    if (!byId) this.objects.set(entity.name, (byId = new Map()));
    const added: JsonRow[] = [];
    for (const row of rows) {
      const object: JsonRow = {};
      for (const name of shape.embeddables) object[name] = {};
      for (const { name, column, date, into } of shape.scalars) {
        const value = row[column];
        const target = into ? (object[into] as JsonRow) : object;
        target[name] = date && value != null ? new Date(value as string) : value;
      }
      this.unlinked.push({ object, row, shape });
      byId.set(object.id as string, object);
      added.push(object);
    }
    return added as T[];
  }

  /** Sets every relation of the rows added so far. */
  link() {
    for (const { object, row, shape } of this.unlinked.splice(0)) {
      for (const { name, column, target } of shape.relations) {
        const id = row[column] as string | null;
        object[name] = id == null ? null : (this.objects.get(target)?.get(id) ?? { id });
      }
    }
  }

  private shapeOf(entity: EntityClass<object>): Shape {
    const meta = this.metadata.get(entity.name);
    let shape = shapes.get(meta);
    if (shape) return shape;
    shape = { scalars: [], embeddables: [], relations: [] };
    for (const prop of meta.props) {
      const column = prop.fieldNames?.[0];
      if (prop.kind === ReferenceKind.EMBEDDED) {
        shape.embeddables.push(prop.name);
      } else if (prop.kind === ReferenceKind.SCALAR) {
        const [into, name] = prop.embedded ?? [undefined, prop.name];
        shape.scalars.push({ name, column, date: prop.runtimeType === 'Date', into });
      } else if (prop.kind === ReferenceKind.MANY_TO_ONE) {
        shape.relations.push({ name: prop.name, column, target: prop.type });
      } else {
        // A collection or an inverse side has no column here: say so rather than drop it.
        throw new Error(`${meta.className}.${prop.name}: no plain shape for a ${prop.kind}`);
      }
    }
    shapes.set(meta, shape);
    return shape;
  }
}
