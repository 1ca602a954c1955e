package io.sluice.compiler.codegen;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.golden.GoldenCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kernel generated for the corpus is valid bytecode (ASM's verifier) and keeps each method
 * under the JIT's 8,000-byte huge-method limit; the same query always gives the same class.
 */
class GeneratedBytecodeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @TestFactory
    Stream<DynamicTest> everyCorpusKernelVerifiesAndStaysSmall() {
        return GoldenCorpus.cases(GoldenCorpus.locate()).stream()
            .filter(dir -> !Files.isRegularFile(dir.resolve(GoldenCorpus.EXPECTED_ERROR)))
            .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> verify(dir)));
    }

    private static void verify(final Path dir) throws Exception {
        final CompiledQuery q = SluiceCompiler.generateOnly(Files.readString(dir.resolve(GoldenCorpus.QUERY)));
        final Map<String, byte[]> classes = KernelCompiler.bytecode(q.kernel());
        assertThat(classes).containsKey(q.kernel().qualifiedName());
        for (final Map.Entry<String, byte[]> c : classes.entrySet()) {
            final StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(c.getValue()), GeneratedBytecodeTest.class.getClassLoader(), false,
                new PrintWriter(problems));
            assertThat(problems.toString()).as("verifier output for %s", c.getKey()).isEmpty();
            final ClassNode node = new ClassNode();
            new ClassReader(c.getValue()).accept(node, 0);
            for (final MethodNode m : node.methods) {
                assertThat(codeSize(c.getValue(), m.name, m.desc)).as("%s.%s bytecode size", c.getKey(), m.name)
                    .isLessThan(HUGE_METHOD_LIMIT);
            }
        }
    }

    /** Bytes of code of one method, from the class file's Code attribute (JDK Class-File API). */
    private static int codeSize(final byte[] classFile, final String name, final String desc) {
        final ClassModel model = ClassFile.of().parse(classFile);
        for (final MethodModel m : model.methods()) {
            if (m.methodName().equalsString(name) && m.methodType().equalsString(desc)) {
                return m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            }
        }
        throw new IllegalStateException("no method " + name + desc);
    }

    @TestFactory
    Stream<DynamicTest> sixtyAggregatesStayUnderTheHugeMethodLimit() {
        final StringBuilder columns = new StringBuilder();
        final StringBuilder aggregates = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            columns.append(", v").append(i).append(" BIGINT");
            for (final String f : new String[] {"SUM", "MIN", "MAX"}) {
                aggregates.append(", ").append(f).append("(v").append(i).append(") AS ").append(f.toLowerCase())
                    .append(i);
            }
        }
        final String table = "CREATE TABLE t (k BIGINT" + columns + ", ts TIMESTAMP(3), WATERMARK FOR ts AS ts);\n";
        return Stream.of(
            table + "SELECT k" + aggregates + " FROM t GROUP BY k",
            table + "SELECT k, window_start" + aggregates
                + " FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY k, window_start, window_end")
            .map(sql -> DynamicTest.dynamicTest(sql.contains("TUMBLE") ? "windowed" : "continuous", () -> {
                final CompiledQuery q = SluiceCompiler.generateOnly(sql);
                for (final Map.Entry<String, byte[]> c : KernelCompiler.bytecode(q.kernel()).entrySet()) {
                    final ClassNode node = new ClassNode();
                    new ClassReader(c.getValue()).accept(node, 0);
                    for (final MethodNode m : node.methods) {
                        assertThat(codeSize(c.getValue(), m.name, m.desc)).as("%s bytecode size", m.name)
                            .isLessThan(HUGE_METHOD_LIMIT);
                    }
                }
            }));
    }

    @Test
    void theSameQueryGivesTheSameClassName() throws CompileException {
        final String sql = "CREATE TABLE t (a BIGINT); SELECT a + 1 AS b FROM t";
        assertThat(SluiceCompiler.generateOnly(sql).kernel().className())
            .isEqualTo(SluiceCompiler.generateOnly(sql).kernel().className())
            .isNotEqualTo(SluiceCompiler.generateOnly(sql.replace("+ 1", "+ 2")).kernel().className());
        // an option that changes the kernel changes its name
        final String groupBy = "CREATE TABLE t (a BIGINT); SELECT a, COUNT(*) AS n FROM t GROUP BY a";
        assertThat(SluiceCompiler.generateOnly(groupBy, CompileOptions.FINAL_TABLE).kernel().className())
            .isEqualTo(SluiceCompiler.generateOnly(groupBy, CompileOptions.FINAL_TABLE).kernel().className())
            .isNotEqualTo(SluiceCompiler.generateOnly(groupBy).kernel().className());
    }
}
