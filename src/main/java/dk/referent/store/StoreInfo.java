package dk.referent.store;

/**
 * What kind of store this instance talks to. {@code soleWriter} is true for the embedded store, which nothing
 * but this process can reach: caches of what this process wrote are then always current.
 */
public record StoreInfo(boolean soleWriter) {

    /**
     * The qualifier of the projection side's MongoClient and MongoDatabase (read models, change feeds, tracking
     * tokens): connections of their own, see MongoConfig.
     */
    public static final String PROJECTIONS = "projections";
}
