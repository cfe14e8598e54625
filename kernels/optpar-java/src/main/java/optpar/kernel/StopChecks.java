package optpar.kernel;

import java.io.ByteArrayInputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites the classes a cell compiles so that Interrupt can stop them: a call to {@link Stop#check()}
 * at the start of every method and before every backward jump (the end of each loop turn).
 *
 * <p>Built on {@code java.lang.classfile} (JDK 25). A jump is backward when its target label was
 * already seen: the class-file API streams a method's code in bytecode order. The stack maps are
 * recomputed, which needs the class hierarchy of the cell's own classes: every class rewritten here
 * is remembered, so a later cell's class can extend an earlier one.
 *
 * <pre>{@code
 * StopChecks checks = new StopChecks();
 * byte[] stoppable = checks.instrument(classBytes);
 * }</pre>
 */
public final class StopChecks {

    private static final ClassDesc STOP = ClassDesc.of(Stop.class.getName());
    private static final MethodTypeDesc VOID = MethodTypeDesc.of(ConstantDescs.CD_void);

    /** Class files of the cells' classes by internal name ("REPL/$JShell$12"), for the hierarchy. */
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();
    private final ClassFile classFile;

    public StopChecks() {
        ClassHierarchyResolver cells = ClassHierarchyResolver.ofResourceParsing(desc -> {
            String name = desc.descriptorString();
            byte[] b = known.get(name.substring(1, name.length() - 1));
            return b == null ? null : new ByteArrayInputStream(b);
        });
        ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver()
                .orElse(cells)
                .orElse(ClassHierarchyResolver.ofClassLoading(ClassLoader.getSystemClassLoader()))
                .cached();
        this.classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
    }

    /** Remembers a class of this batch before any is rewritten (a batch may refer to itself). */
    public void remember(byte[] classBytes) {
        var model = ClassFile.of().parse(classBytes);
        known.put(model.thisClass().asInternalName(), classBytes);
    }

    /** The same class with stop checks at method entries and loop back-edges. */
    public byte[] instrument(byte[] classBytes) {
        remember(classBytes);
        var model = classFile.parse(classBytes);
        return classFile.transformClass(model, ClassTransform.transformingMethodBodies(
                CodeTransform.ofStateful(BackEdgeChecks::new)));
    }

    /** Per method: a check first, then one before each jump to a label already passed. */
    private static final class BackEdgeChecks implements CodeTransform {
        private final Set<Label> passed = new HashSet<>();

        @Override
        public void atStart(CodeBuilder builder) {
            builder.invokestatic(STOP, "check", VOID);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof LabelTarget target) {
                passed.add(target.label());
            } else if (element instanceof BranchInstruction branch && passed.contains(branch.target())) {
                builder.invokestatic(STOP, "check", VOID);
            }
            builder.with(element);
        }
    }
}
