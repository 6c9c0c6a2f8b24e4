package io.inkstream.enrich.keyword;

import java.util.Collection;

/** How many articles the corpus holds and in how many of them each term occurs. */
public interface CorpusStats {

    long documents();

    long documentFrequency(String term);

    /** Counts one more article containing these distinct terms. */
    void addDocument(Collection<String> distinctTerms);

    /** Forgets an article counted before (a replaced version, a killed story). */
    void removeDocument(Collection<String> distinctTerms);
}
