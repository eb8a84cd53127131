package org.proxyfund.wallet.node;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What to install or where to look when the local regtest node cannot run; Russian in messages/node_ru.properties. */
@MessageBundle(value = "node", locale = "en")
public interface LocalNodeMessages {

    @Message("Donations are off in this trial")
    String off_heading();

    @Message("{#when problem}"
            + "{#is 'NODEJS_MISSING'}The donor wallet is off: this computer has no Node.js, which runs the local Bitcoin test node."
            + " Install Node.js 20 or newer with npm (Debian or Ubuntu: sudo apt-get install nodejs npm python3 make g++),"
            + " stop the service with Ctrl-C and start ./run again: it installs the node (bcoin) into tools/bcoin by itself."
            + "{#is 'BCOIN_MISSING'}The donor wallet is off: Node.js is here, but the local Bitcoin test node (bcoin) is not installed."
            + " Install it with: cd tools/bcoin && npm install (it needs python3, make and g++), then stop the service"
            + " with Ctrl-C and start ./run again."
            + "{#else}The donor wallet is off: the local Bitcoin test node did not start, or it stopped. Its log is in"
            + " .proxyfund/bcoin (stdout.log and regtest/debug.log) and the service's log says why; stop the service"
            + " with Ctrl-C and start ./run again.{/when}")
    String off_text(String problem);
}
