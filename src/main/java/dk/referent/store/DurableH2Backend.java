package dk.referent.store;

import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded store's backend, made durable per write: every command that changes data is committed to the
 * file before its reply goes back to the driver. The stock H2 backend commits about once a second, so a
 * process killed right after an acknowledged write lost that write (measured: 84–167 of 300 events).
 */
class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropindexes", "renamecollection");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase()) && getMvStore().hasUnsavedChanges()) {
            getMvStore().commit();
        }
        return reply;
    }
}
