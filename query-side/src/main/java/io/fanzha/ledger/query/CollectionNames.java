package io.fanzha.ledger.query;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where one generation of a read model keeps its documents: generation 0 in the collections' own
 * names, every later one beside them with {@code _g<N>} added, so that a rebuild can fill a new
 * generation while queries still read the old one.
 */
@FunctionalInterface
public interface CollectionNames {

  /** The collections' own names, for projections and queries used without generations. */
  CollectionNames ORIGINAL = generation(0);

  /** The collection that holds, in this generation, what {@code collection} names. */
  String of(String collection);

  default String of(Class<?> document) {
    return of(collectionOf(document));
  }

  static CollectionNames generation(int generation) {
    if (generation < 0) {
      throw new IllegalArgumentException("generation " + generation);
    }
    return collection -> generation == 0 ? collection : collection + "_g" + generation;
  }

  /** The name a document class declares with {@link Document}. */
  static String collectionOf(Class<?> document) {
    Document declared = document.getAnnotation(Document.class);
    if (declared == null || (declared.value().isEmpty() && declared.collection().isEmpty())) {
      throw new IllegalArgumentException(document + " declares no collection");
    }
    return declared.value().isEmpty() ? declared.collection() : declared.value();
  }
}
