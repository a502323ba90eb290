import { PackNote } from "../model/ontology.model";

interface Group {
  note: PackNote;
  summary: string;
  examples: string[];
  count: number;
}

/**
 * Collects what an import assumed or left out. Notes of one kind are folded into one with a count and a few
 * examples, so a vocabulary of thousands of concepts does not answer with thousands of notes.
 */
export class ImportNotes {
  private readonly groups = new Map<string, Group>();

  /**
   * Adds a note of one kind. `summary` describes the kind when several are folded together; `example` is
   * what this one is about (an IRI), listed in the folded note.
   */
  add(kind: string, note: PackNote, summary: string = note.message, example: string = note.where): void {
    const group = this.groups.get(kind);
    if (group) {
      group.count += 1;
      if (group.examples.length < 3) group.examples.push(example);
    } else this.groups.set(kind, { note, summary, examples: [example], count: 1 });
  }

  list(): PackNote[] {
    return [...this.groups.values()].map((g) =>
      g.count === 1
        ? g.note
        : { where: "concepts", message: `${g.summary} (${g.count} times, e.g. ${g.examples.join(", ")})` },
    );
  }
}
