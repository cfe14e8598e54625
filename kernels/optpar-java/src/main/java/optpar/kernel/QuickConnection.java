package optpar.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava's connection with a quicker shell and control channel.
 *
 * <p>jjava's channel threads look for a request, then sleep 50 ms: every request, a warm {@code 1+1}
 * included, waited up to 50 ms before the kernel read it. These channels sleep {@link #POLL_MILLIS}.
 * Everything else (heartbeat, stdin, iopub, the handlers) is jjava's.
 */
final class QuickConnection extends JupyterConnection {

    static final long POLL_MILLIS = 2;

    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellChannel quickShell;
    private final ShellChannel quickControl;
    private boolean connected;

    QuickConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        this.quickShell = new ShellChannel(context, props.createHMACGenerator(), false, this, POLL_MILLIS);
        this.quickControl = new ShellChannel(context, props.createHMACGenerator(), true, this, POLL_MILLIS);
    }

    @Override
    public void connect() {
        if (connected) return;
        heartbeat.bind(props);
        quickShell.bind(props);
        quickControl.bind(props);
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        quickShell.close();
        quickControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        quickShell.waitUntilClose();
        quickControl.waitUntilClose();
        super.waitUntilClose();
    }
}
