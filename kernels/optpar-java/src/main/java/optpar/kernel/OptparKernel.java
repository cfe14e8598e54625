package optpar.kernel;

import com.google.gson.annotations.SerializedName;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The course's Jupyter kernel for Java ({@code optpar-java}): JShell runs the cells in this JVM,
 * jjava-jupyter carries the messages.
 *
 * <p>What it adds to both, and why (each piece has its own class):
 * <ul>
 *   <li>{@link CellControl}: cells run in this JVM, so a value is a live object ({@link Rendering}
 *       shows charts as images, tables as tables), on a thread Interrupt may stop;</li>
 *   <li>{@link StopChecks} and {@link Stop}: Interrupt stops even a busy loop, at no cost until then;</li>
 *   <li>{@link CellOutput}: output of every thread reaches the cell, while it runs;</li>
 *   <li>{@link CellErrors}: errors name the cell's line and column;</li>
 *   <li>{@link Magics} and {@link TimeIt}: {@code %%timeit}, warm-up first;</li>
 *   <li>{@link History}, and a kernel_info_reply with {@code status}.</li>
 * </ul>
 *
 * <p>Started by Jupyter as {@code java ... optpar.kernel.OptparKernel CONNECTION_FILE}; the classpath
 * of the cells comes from {@code OPTPAR_CLASSPATH}, the start-up imports from {@code OPTPAR_INIT_SCRIPT}.
 */
public final class OptparKernel extends BaseKernel {

    /** After a shutdown request, the JVM ends within this, even while a cell's thread spins. */
    static final long EXIT_GRACE_MILLIS = 1000;

    private final CellControl control = new CellControl();
    private final CellErrors errors = new CellErrors();
    private final History history = new History();
    private final CellOutput output;
    private final CompletableFuture<JShell> shell = new CompletableFuture<>();
    private final String classpath;
    private final Path initScript;
    private final Object running = new Object();
    private boolean cellRunning;
    private volatile Publisher current;
    private final List<String> startupProblems = Collections.synchronizedList(new ArrayList<>());

    private OptparKernel(CellOutput output, String classpath, Path initScript) {
        super("optpar-java", "1.0",
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("java")
                        .build(),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/25/docs/api/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null,
                false, new StringStyler.Builder().build());
        this.output = output;
        this.classpath = classpath;
        this.initScript = initScript;
        Display.install(this::sendDisplay, this::sendClear);
    }

    /** JShell and the start-up imports take a second: built while the sockets already answer. */
    void startShell() {
        Thread t = new Thread(() -> {
            try {
                shell.complete(startShell(classpath, initScript));
            } catch (Throwable e) {
                shell.completeExceptionally(e);
            }
        }, "jshell-start");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------ start-up

    private JShell startShell(String classpath, Path initScript) {
        JShell js = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .compilerOptions("--add-modules", "jdk.incubator.vector", "-Xlint:-incubating")
                .out(output.out())
                .err(output.err())
                .in(InputStream.nullInputStream())
                .build();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) js.addToClasspath(entry);
        }
        if (initScript != null) {
            try {
                String script = Files.readString(initScript);
                for (CellSource.Piece p : CellSource.split(js.sourceCodeAnalysis(), script)) {
                    for (SnippetEvent ev : js.eval(p.source())) {
                        if (ev.status() == Snippet.Status.REJECTED) {
                            String why = js.diagnostics(ev.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                            startupProblems.add(initScript.getFileName() + ": '" + p.source().strip() + "' failed: " + why);
                        }
                    }
                }
            } catch (Exception e) {
                startupProblems.add("could not read " + initScript + ": " + e);
            }
        }
        // One small cell compiles and runs the whole path once, so the learner's first cell is quick.
        js.eval("int $warm = 1 + 1;");
        return js;
    }

    private JShell shell() {
        return shell.join();
    }

    // ------------------------------------------------------------------ messages

    /** Sends content on iopub as a child of one request, from any thread. */
    private record Publisher(JupyterSocket iopub, MessageContext context) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        void send(ContentType<?> content) {
            iopub.sendMessage(new Message(context, content.getType(), content));
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::execute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::kernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::history);
    }

    /** kernel_info_reply as the protocol has it: jjava's lacks {@code status}. */
    static final class KernelInfo {
        final String status = "ok";
        @SerializedName("protocol_version") final String protocolVersion = Header.PROTOCOL_VERISON;
        final String implementation;
        @SerializedName("implementation_version") final String implementationVersion;
        @SerializedName("language_info") final LanguageInfo languageInfo;
        final String banner;
        @SerializedName("help_links") final List<HelpLink> helpLinks;

        KernelInfo(OptparKernel k) {
            implementation = k.getName();
            implementationVersion = k.getVersion();
            languageInfo = k.getLanguageInfo();
            banner = "Java " + Runtime.version() + " (optpar kernel: JShell in the kernel's JVM)";
            helpLinks = k.getHelpLinks();
        }
    }

    /** history_reply: entries as [session, line, input] lists. */
    static final class HistoryContent {
        final String status = "ok";
        final List<Object[]> history;

        HistoryContent(List<Object[]> history) {
            this.history = history;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reply(ShellReplyEnvironment env, MessageType<?> type, Object content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    private void kernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setStatusBusy();
        reply(env, MessageType.KERNEL_INFO_REPLY, new KernelInfo(this));
        env.setStatusIdle();
    }

    private void history(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setStatusBusy();
        HistoryRequest r = request.getContent();
        boolean out = r.includeOutput();
        List<Object[]> rows = switch (r) {
            case HistoryRequest.Tail t -> history.tail(t.getMaxReturnLength(), out);
            case HistoryRequest.Range g -> history.range(g.getSessionIndex(), g.getStart(), g.getStop(), out);
            case HistoryRequest.Search s -> history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique(), out);
            default -> List.of();
        };
        reply(env, MessageType.HISTORY_REPLY, new HistoryContent(rows));
        env.setStatusIdle();
    }

    private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : Math.max(1, executionCount.get() - 1);
        String code = request.getCode();
        Publisher publisher = new Publisher(env.getIopub(), message);
        env.setStatusBusy();
        if (!silent) publisher.send(new PublishExecuteInput(code, count));
        if (store) history.add(count, code);
        current = publisher;
        output.sendTo(silent ? (name, text) -> { } : (name, text) -> publisher.send(new PublishStream(
                name.equals("stdout") ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text)));
        DisplayData result = null;
        CellErrors.Failure failure = null;
        synchronized (running) {
            cellRunning = true;
        }
        try {
            if (!startupProblems.isEmpty()) {
                shell();
                for (String p : startupProblems) output.err().println("kernel start-up: " + p);
                startupProblems.clear();
            }
            result = run(code, count);
        } catch (CellErrors.Failure f) {
            failure = f;
        } catch (RuntimeException | Error e) {
            failure = CellErrors.Failure.oneLine("KernelError", e.toString());
        } finally {
            synchronized (running) {
                cellRunning = false;
                if (control.stopRequested() && failure == null) failure = interrupted();
                control.cellEnded();
            }
            output.flush();
        }
        if (failure != null) {
            publisher.send(new PublishError(failure.ename, failure.evalue, failure.traceback));
            ErrorReply error = new ErrorReply(failure.ename, failure.evalue, failure.traceback);
            error.setExecutionCount(count);
            env.replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        } else {
            if (result != null && !silent) {
                publisher.send(new PublishExecuteResult(count, result));
                if (store) history.output(count, String.valueOf(result.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)));
            }
            env.reply(new ExecuteReply(count, Collections.emptyMap()));
        }
        env.setStatusIdle();
    }

    private CellErrors.Failure interrupted() {
        return control.leftBehind()
                ? CellErrors.Failure.oneLine("Interrupted", "interrupted; the cell's thread did not stop within "
                        + CellControl.GRACE_MILLIS + " ms and runs on (Restart the kernel to end it)")
                : CellErrors.Failure.oneLine("Interrupted", "interrupted");
    }

    // ------------------------------------------------------------------ running a cell

    /** Runs the cell snippet by snippet; returns what to show for its last value, or null. */
    private DisplayData run(String cell, int count) throws CellErrors.Failure {
        JShell js = shell();
        String code = cell;
        if (Magics.isMagic(cell)) code = Magics.translate(cell, js);
        List<CellSource.Piece> pieces = CellSource.split(js.sourceCodeAnalysis(), code);
        Object value = CellControl.NO_VALUE;
        for (CellSource.Piece piece : pieces) {
            if (control.stopRequested()) throw interrupted();
            value = CellControl.NO_VALUE;
            List<SnippetEvent> events = js.eval(piece.source());
            Object live = control.takeValue();
            for (SnippetEvent ev : events) {
                if (ev.causeSnippet() != null) continue; // a dependant re-evaluated: not this cell's news
                Snippet snippet = ev.snippet();
                errors.remember(snippet.id(), count, CellSource.lineAndColumn(code, piece.offset())[0] - 1);
                if (ev.status() == Snippet.Status.REJECTED) {
                    List<Diag> diags = js.diagnostics(snippet).filter(Diag::isError).toList();
                    if (diags.isEmpty()) throw CellErrors.Failure.oneLine("CompileError", "this code is not valid Java: " + piece.source().strip());
                    throw CellErrors.compileError(code, piece.offset(), diags.getFirst());
                }
                if (control.stopRequested()) throw interrupted();
                if (ev.exception() != null) {
                    if (ev.exception() instanceof EvalException || ev.exception() instanceof UnresolvedReferenceException) {
                        throw errors.exception(ev.exception());
                    }
                    throw CellErrors.Failure.oneLine(ev.exception().getClass().getSimpleName(), String.valueOf(ev.exception().getMessage()));
                }
                if (shows(snippet)) value = live;
            }
        }
        if (value == CellControl.NO_VALUE || cell.stripTrailing().endsWith(";")) return null;
        return Rendering.render(value);
    }

    /** Whether a snippet is an expression whose value the cell shows (as JShell's {@code $1 ==> 2}). */
    private static boolean shows(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private void sendDisplay(DisplayData data, boolean update) {
        Publisher p = current;
        if (p == null) throw new IllegalStateException("display: no cell has run yet");
        output.flush(); // text printed before the display comes before it
        p.send(update ? new PublishUpdateDisplayData(data) : new PublishDisplayData(data));
    }

    private void sendClear(boolean wait) {
        Publisher p = current;
        if (p == null) throw new IllegalStateException("clearOutput: no cell has run yet");
        output.flush(); // what was printed before the call is cleared too
        p.send(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    // ------------------------------------------------------------------ the other requests

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("cells are run by execute(): see run()");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        int cursor = Math.min(Math.max(0, at), code.length());
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty() && (cursor == code.length() || !Character.isJavaIdentifierPart(code.charAt(cursor)))) {
            docs = analysis.documentation(code.substring(0, cursor) + "(", cursor + 1, true);
        }
        if (docs.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            text.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) text.append(d.javadoc().strip()).append("\n\n");
        }
        return new DisplayData(text.toString().strip());
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int cursor = Math.min(Math.max(0, at), code.length());
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = shell().sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
        LinkedHashSet<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) if (s.matchesType()) matches.add(s.continuation());
        for (SourceCodeAnalysis.Suggestion s : suggestions) matches.add(s.continuation());
        return new ReplacementOptions(new ArrayList<>(matches), anchor[0], cursor);
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    if (info.remaining().length() >= rest.length()) return IS_COMPLETE_YES;
                    rest = info.remaining();
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "    ";
                }
                case EMPTY -> {
                    return IS_COMPLETE_YES;
                }
                // JShell calls "int a = ;" UNKNOWN: it will not compile however it goes on.
                default -> {
                    return IS_COMPLETE_BAD;
                }
            }
        }
        return IS_COMPLETE_YES;
    }

    /** Interrupt: stops the running cell (nothing when no cell runs). */
    @Override
    public void interrupt() {
        synchronized (running) {
            if (cellRunning) control.stop();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        haltAfter(EXIT_GRACE_MILLIS);
        super.onShutdown(isRestarting);
    }

    // ------------------------------------------------------------------ process

    /** Ends the JVM after {@code millis} whatever still runs (a spinning cell thread, a pool). */
    private static void haltAfter(long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(0);
        }, "halt");
        t.setDaemon(true);
        t.start();
    }

    /** Ends the kernel when the process that started it is gone (a client that died never says shutdown). */
    private static void watchParent() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread t = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!parent.isAlive()) Runtime.getRuntime().halt(0);
                }
            }, "parent-watch");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Runs what a start and a first cell run, then ends: {@code ./course} runs this once with
     * {@code -XX:ArchiveClassesAtExit} so that later starts load those classes from a CDS archive.
     */
    private static void warmUp() throws Exception {
        CellOutput output = new CellOutput((name, text) -> { });
        String init = System.getenv("OPTPAR_INIT_SCRIPT");
        var kernel = new OptparKernel(output, System.getenv().getOrDefault("OPTPAR_CLASSPATH", ""),
                init == null || init.isBlank() ? null : Path.of(init));
        kernel.startShell();
        kernel.shell();
        kernel.run("int warm = 6 * 7;\nString s = \"\" + warm;\nwarm", 1);
        kernel.complete("Math.ab", 7);
        kernel.isComplete("int a = 1;");
        var props = KernelConnectionProperties.parse("{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", \"shell_port\": 1, \"iopub_port\": 2,"
                + " \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": 5, \"key\": \"k\", \"signature_scheme\": \"hmac-sha256\"}");
        new com.google.gson.Gson().toJson(new KernelInfo(kernel));
        new QuickConnection(props).close();
        kernel.shell().close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp();
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println("usage: java optpar.kernel.OptparKernel CONNECTION_FILE (Jupyter passes it; see kernel.json)");
            System.exit(2);
        }
        PrintStream kernelErr = System.err;
        CellOutput output = new CellOutput((name, text) -> kernelErr.print(text));
        System.setOut(output.out());
        System.setErr(output.err());
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof CellInterrupted) {
                output.err().println("thread " + thread.getName() + " stopped: interrupted");
            } else {
                output.err().print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(output.err());
            }
        });
        watchParent();
        String classpath = System.getenv().getOrDefault("OPTPAR_CLASSPATH", "");
        String init = System.getenv("OPTPAR_INIT_SCRIPT");
        var props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        var kernel = new OptparKernel(output, classpath, init == null || init.isBlank() ? null : Path.of(init));
        var connection = new QuickConnection(props);
        kernel.becomeHandlerForConnection(connection); // every handler is in place before a socket is bound
        kernel.onStartup();
        connection.connect();
        kernel.startShell();
        connection.waitUntilClose();
        haltAfter(EXIT_GRACE_MILLIS);
        System.exit(0);
    }
}
