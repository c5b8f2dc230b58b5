package dk.referent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the embedded store writes to its files it reads back unchanged: any document of the value types the
 * server stores, any key, several to a page as MVStore writes them; and keys order consistently.
 */
class BsonTypesTest {

    @Property(tries = 300)
    void documentsReadBackUnchangedWithTheirFieldOrder(@ForAll("documents") List<Document> page) {
        List<Document> read = roundTrip(BsonTypes.DocumentType.INSTANCE, page);
        assertThat(read).isEqualTo(page);
        for (int i = 0; i < page.size(); i++) {
            assertThat(List.copyOf(read.get(i).keySet())).isEqualTo(List.copyOf(page.get(i).keySet()));
        }
    }

    @Property(tries = 300)
    void idsAndIndexKeysReadBackUnchanged(@ForAll("values") List<Object> ids) {
        assertThat(roundTrip(BsonTypes.ValueType.INSTANCE, ids)).isEqualTo(ids);
        List<KeyValue> keys = ids.stream().map(id -> new KeyValue(id, "x")).toList();
        assertThat(roundTrip(BsonTypes.KeyValueType.INSTANCE, keys)).isEqualTo(keys);
    }

    @Property(tries = 300)
    void keysOrderAsATotalOrderThatAgreesWithEquals(@ForAll("value") Object a, @ForAll("value") Object b,
                                                     @ForAll("value") Object c) {
        assertThat(Integer.signum(BsonTypes.compareValues(a, b)))
                .isEqualTo(-Integer.signum(BsonTypes.compareValues(b, a)));
        assertThat(BsonTypes.compareValues(a, b) == 0).isEqualTo(a == null ? b == null : a.equals(b));
        if (BsonTypes.compareValues(a, b) <= 0 && BsonTypes.compareValues(b, c) <= 0) {
            assertThat(BsonTypes.compareValues(a, c)).isLessThanOrEqualTo(0);
        }
    }

    private static <T> List<T> roundTrip(DataType<T> type, List<T> values) {
        WriteBuffer out = new WriteBuffer();
        for (T value : values) {
            type.write(out, value);
        }
        out.putInt(0xCAFE); // what follows in the page must stay where it is
        ByteBuffer in = out.getBuffer().flip();
        List<T> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            read.add(type.read(in));
        }
        assertThat(in.getInt()).isEqualTo(0xCAFE);
        return read;
    }

    @Provide
    Arbitrary<List<Document>> documents() {
        return document(3).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Object>> values() {
        return value().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Object> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(ms -> (Object) Instant.ofEpochMilli(ms)),
                Arbitraries.create(ObjectId::new).map(Object.class::cast),
                Arbitraries.create(UUID::randomUUID).map(Object.class::cast),
                Arbitraries.just(Missing.getInstance()));
    }

    private Arbitrary<Document> document(int depth) {
        Arbitrary<Object> field = depth == 0
                ? value().filter(v -> !(v instanceof Missing))
                : Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, value().filter(v -> !(v instanceof Missing))),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) null)),
                        net.jqwik.api.Tuple.of(1, document(depth - 1).map(Object.class::cast)),
                        net.jqwik.api.Tuple.of(1, value().filter(v -> !(v instanceof Missing)).list().ofMaxSize(4)
                                .map(Object.class::cast)));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), field).ofMaxSize(6)
                .map(fields -> {
                    Document document = new Document();
                    fields.forEach(document::put);
                    return document;
                });
    }
}
