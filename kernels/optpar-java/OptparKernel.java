import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts the rapaio Java kernel as its own MainApp does, minus one start-up race.
 *
 * <p>Why this exists: rapaio-jupyter-kernel 3.0.1 binds its sockets first and installs its message
 * handlers a moment later. A Jupyter client sends {@code kernel_info_request} as soon as it connects;
 * when that request lands in the gap (it does on a busy machine), the kernel's shell thread dies on a
 * NullPointerException and the kernel never answers ("Kernel didn't respond"). Here the handler map
 * is, until the real one is in place, a stand-in that waits for it instead of being null.
 *
 * <p>Compiled by {@code ./course} into the installed kernelspec; the kernel jar itself is unchanged.
 * Usage (what kernel.json runs): {@code java ... -cp <kernel dir>:<kernel jar> OptparKernel <connection file>}.
 */
public final class OptparKernel {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OptparKernel CONNECTION_FILE (Jupyter passes it)");
        }
        LogManager.getLogManager().readConfiguration(MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        var kernel = MainApp.kernel; // the kernel and its JShell start here, before any socket is bound
        var props = Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
        var channels = new Channels(props);
        Field handlers = Channels.class.getDeclaredField("handlers");
        Field connected = Channels.class.getDeclaredField("isConnected");
        handlers.setAccessible(true);
        connected.setAccessible(true);
        handlers.set(channels, new HandlersNotReadyYet(channels, handlers, connected));
        channels.connect(kernel);
        channels.joinUntilClose();
    }

    /** The stand-in handler map: a lookup waits (at most a minute) until connect() has put the real one in place. */
    private static final class HandlersNotReadyYet extends HashMap<Object, Object> {
        private final transient Channels channels;
        private final transient Field handlers;
        private final transient Field connected;

        HandlersNotReadyYet(Channels channels, Field handlers, Field connected) {
            this.channels = channels;
            this.handlers = handlers;
            this.connected = connected;
        }

        @Override
        public Object get(Object messageType) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            try {
                while (!connected.getBoolean(channels) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Object real = handlers.get(channels);
                return real == this ? null : ((Map<?, ?>) real).get(messageType);
            } catch (IllegalAccessException | InterruptedException e) {
                throw new IllegalStateException("kernel start-up interrupted", e);
            }
        }
    }
}
