package dk.referent.store;

/**
 * What kind of store this instance talks to. {@code soleWriter} is true for the embedded store, which nothing
 * but this process can reach: caches of what this process wrote are then always current.
 */
public record StoreInfo(boolean soleWriter) {
}
