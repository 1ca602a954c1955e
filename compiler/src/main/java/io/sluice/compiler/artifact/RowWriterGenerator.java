package io.sluice.compiler.artifact;

import io.sluice.compiler.CompileException;
import io.sluice.runtime.api.QuerySession;
import io.sluice.runtime.api.RecordWriter;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates, with ASM, a {@link RecordWriter} for a Java record or POJO class and an input schema:
 * straight-line bytecode that reads each column's field (record accessor, public getter or public
 * field, matched to the column by name, ignoring case) and calls the session's typed setter — no
 * reflection and no allocation per record. Types are checked when the writer is generated:
 * BIGINT ← long/Long, INT ← int/Integer, DOUBLE ← double/Double, BOOLEAN ← boolean/Boolean,
 * VARCHAR ← String, TIMESTAMP(3) ← long/Long (epoch millis) or {@link Instant}. A boxed or
 * reference value that is null sets NULL. Writers are cached per (class, schema).
 */
public final class RowWriterGenerator {
    private static final Map<String, RecordWriter<?>> CACHE = new ConcurrentHashMap<>();
    private static final String SESSION = Type.getInternalName(QuerySession.class);

    private RowWriterGenerator() {
    }

    /** The writer of {@code type} for rows of {@code schema}. */
    @SuppressWarnings("unchecked")
    public static <T> RecordWriter<T> writer(final Class<T> type, final Schema schema) throws CompileException {
        final String key = type.getName() + "@" + System.identityHashCode(type) + "|" + schema;
        final RecordWriter<?> cached = CACHE.get(key);
        if (cached != null) {
            return (RecordWriter<T>) cached;
        }
        final RecordWriter<T> created = generate(type, schema);
        CACHE.put(key, created);
        return created;
    }

    private static <T> RecordWriter<T> generate(final Class<T> type, final Schema schema) throws CompileException {
        if (!Modifier.isPublic(type.getModifiers())) {
            throw error("class " + type.getName() + " is not public: the row writer cannot read it");
        }
        final Member[] readers = new Member[schema.size()];
        for (int c = 0; c < schema.size(); c++) {
            readers[c] = reader(type, schema.column(c));
        }
        final String name = "io/sluice/generated/RowWriter_" + type.getSimpleName() + "_"
            + Integer.toHexString((type.getName() + schema).hashCode());
        final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
            new String[] {Type.getInternalName(RecordWriter.class)});
        final MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        final MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "write",
            "(Ljava/lang/Object;L" + SESSION + ";)V", null, null);
        mv.visitCode();
        final String owner = Type.getInternalName(type);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
        mv.visitVarInsn(Opcodes.ASTORE, 3);
        for (int c = 0; c < schema.size(); c++) {
            writeColumn(mv, owner, c, schema.column(c), readers[c]);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        final byte[] bytes = cw.toByteArray();
        try {
            final Class<?> writer = new DefiningLoader(type.getClassLoader()).define(name.replace('/', '.'), bytes);
            @SuppressWarnings("unchecked")
            final RecordWriter<T> instance = (RecordWriter<T>) writer.getConstructor().newInstance();
            return instance;
        } catch (final ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("generated row writer for " + type.getName() + " failed: " + e, e);
        }
    }

    /** Emits: value = record.reader(); session.setX(c, value) (or setNull for a null reference). */
    private static void writeColumn(final MethodVisitor mv, final String owner, final int c, final Column column,
                                    final Member reader) {
        final Class<?> javaType = reader instanceof Method m ? m.getReturnType() : ((Field) reader).getType();
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        if (reader instanceof Method m) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, m.getName(), Type.getMethodDescriptor(m), false);
        } else {
            final Field f = (Field) reader;
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, f.getName(), Type.getDescriptor(f.getType()));
        }
        if (javaType.isPrimitive()) {
            final int local = 4;
            store(mv, javaType, local);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            push(mv, c);
            load(mv, javaType, local);
            setter(mv, column.type(), javaType);
            mv.visitInsn(Opcodes.POP);
            return;
        }
        mv.visitVarInsn(Opcodes.ASTORE, 4);
        final Label nonNull = new Label();
        final Label done = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        mv.visitJumpInsn(Opcodes.IFNONNULL, nonNull);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        push(mv, c);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SESSION, "setNull", "(I)L" + SESSION + ";", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitJumpInsn(Opcodes.GOTO, done);
        mv.visitLabel(nonNull);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        push(mv, c);
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        if (javaType == String.class) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SESSION, "setString", "(ILjava/lang/String;)L" + SESSION + ";", false);
        } else if (javaType == Instant.class) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/time/Instant", "toEpochMilli", "()J", false);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SESSION, "setTimestamp", "(IJ)L" + SESSION + ";", false);
        } else {
            final Class<?> primitive = unbox(javaType);
            final String boxed = Type.getInternalName(javaType);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, boxed, primitive.getName() + "Value",
                "()" + Type.getDescriptor(primitive), false);
            setter(mv, column.type(), primitive);
        }
        mv.visitInsn(Opcodes.POP);
        mv.visitLabel(done);
    }

    private static void setter(final MethodVisitor mv, final SqlType type, final Class<?> primitive) {
        final String name = switch (type) {
            case BIGINT -> "setLong";
            case TIMESTAMP -> "setTimestamp";
            case INT -> "setInt";
            case DOUBLE -> "setDouble";
            case BOOLEAN -> "setBoolean";
            case VARCHAR -> throw new IllegalStateException("VARCHAR is a reference");
        };
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SESSION, name, "(I" + Type.getDescriptor(primitive) + ")L" + SESSION + ";",
            false);
    }

    private static void store(final MethodVisitor mv, final Class<?> t, final int local) {
        mv.visitVarInsn(Type.getType(t).getOpcode(Opcodes.ISTORE), local);
    }

    private static void load(final MethodVisitor mv, final Class<?> t, final int local) {
        mv.visitVarInsn(Type.getType(t).getOpcode(Opcodes.ILOAD), local);
    }

    private static void push(final MethodVisitor mv, final int value) {
        if (value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }

    private static Class<?> unbox(final Class<?> boxed) {
        if (boxed == Long.class) {
            return long.class;
        }
        if (boxed == Integer.class) {
            return int.class;
        }
        if (boxed == Double.class) {
            return double.class;
        }
        return boolean.class;
    }

    /** The accessor, getter or field that supplies {@code column}, checked for type and access. */
    private static Member reader(final Class<?> type, final Column column) throws CompileException {
        Member found = null;
        Class<?> javaType = null;
        if (type.isRecord()) {
            for (final RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equalsIgnoreCase(column.name())) {
                    found = rc.getAccessor();
                    javaType = rc.getType();
                }
            }
        } else {
            final String cap = column.name().toLowerCase(Locale.ROOT);
            for (final Method m : type.getMethods()) {
                final String n = m.getName().toLowerCase(Locale.ROOT);
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && (n.equals("get" + cap) || n.equals("is" + cap) || n.equals(cap))) {
                    found = m;
                    javaType = m.getReturnType();
                }
            }
            if (found == null) {
                for (final Field f : type.getFields()) {
                    if (f.getName().equalsIgnoreCase(column.name()) && !Modifier.isStatic(f.getModifiers())) {
                        found = f;
                        javaType = f.getType();
                    }
                }
            }
        }
        if (found == null) {
            throw error("class " + type.getName() + " has no field for column '" + column.name() + "' ("
                + column.type().sqlName() + "): add a record component, public getter or public field of that name");
        }
        if (!Modifier.isPublic(found.getModifiers())) {
            throw error("field '" + found.getName() + "' of " + type.getName() + " for column '" + column.name()
                + "' is not public");
        }
        if (!matches(column.type(), javaType)) {
            throw error("field '" + found.getName() + "' of " + type.getName() + " is " + javaType.getSimpleName()
                + ", which does not fit column '" + column.name() + "' " + column.type().sqlName() + " (use "
                + expected(column.type()) + ")");
        }
        return found;
    }

    private static boolean matches(final SqlType type, final Class<?> t) {
        return switch (type) {
            case BIGINT -> t == long.class || t == Long.class;
            case INT -> t == int.class || t == Integer.class;
            case DOUBLE -> t == double.class || t == Double.class;
            case BOOLEAN -> t == boolean.class || t == Boolean.class;
            case VARCHAR -> t == String.class;
            case TIMESTAMP -> t == long.class || t == Long.class || t == Instant.class;
        };
    }

    private static String expected(final SqlType type) {
        return switch (type) {
            case BIGINT -> "long or Long";
            case INT -> "int or Integer";
            case DOUBLE -> "double or Double";
            case BOOLEAN -> "boolean or Boolean";
            case VARCHAR -> "String";
            case TIMESTAMP -> "long/Long epoch millis or Instant";
        };
    }

    private static CompileException error(final String message) {
        return new CompileException(0, 0, message);
    }

    /** Defines one generated writer next to the user's class loader (so it sees the user's class). */
    private static final class DefiningLoader extends ClassLoader {
        DefiningLoader(final ClassLoader parent) {
            super(parent);
        }

        Class<?> define(final String name, final byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
