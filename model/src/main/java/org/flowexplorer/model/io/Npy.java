package org.flowexplorer.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reader and writer for the NumPy {@code .npy} format (versions 1.0, 2.0 and 3.0), see
 * <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>.
 *
 * <p>Layout: magic {@code \x93NUMPY}, major/minor version bytes, a little-endian header length
 * (2 bytes for 1.0, 4 bytes for 2.0/3.0), a Python-dict header ({@link NpyHeader}) padded with
 * spaces and a newline so the data starts at a multiple of 64, then the raw element bytes.
 *
 * <p>Why by hand instead of ND4J's {@code Nd4j.createFromNpyFile}/{@code Nd4j.toNpyByteArray}:
 * those need the native backend initialised (seconds at start-up, and unavailable to code that
 * only wants to inspect a file), go through {@code INDArray} for what is a file-boundary concern,
 * and offer no {@code .npz} writing at all. The format is small enough to implement exactly.
 *
 * <p>Reading accepts little-, big- and native-endian {@code f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1},
 * 0-d scalars and {@code fortran_order: True} (converted to C order). Integer types are widened
 * to the nearest {@link NdType}: {@code i1 i2 u2 -> INT32}, {@code u4 u8 -> INT64} (a
 * {@code u8} value above {@code Long.MAX_VALUE} is an error). Writing always produces
 * little-endian, C-order data laid out byte-for-byte as NumPy 1.24's {@code np.save} does.
 * Malformed input raises {@link NpyFormatException} naming the source, never a runtime exception.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy pads headers so the growth axis can later hold up to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private Npy() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads a whole {@code .npy} stream (it is consumed to the end but not closed). */
    public static NdArray read(InputStream in) throws IOException {
        return read(in.readAllBytes(), "<npy stream>");
    }

    /** Reads a whole {@code .npy} stream; {@code source} names it in error messages. */
    public static NdArray read(InputStream in, String source) throws IOException {
        return read(in.readAllBytes(), source);
    }

    /** Reads {@code .npy} bytes. */
    public static NdArray read(byte[] bytes) throws NpyFormatException {
        return read(bytes, "<npy bytes>");
    }

    /**
     * Reads {@code .npy} bytes; {@code source} (a file or archive entry name) prefixes every
     * error message. The data must be exactly as long as the header's shape and dtype require.
     */
    public static NdArray read(byte[] bytes, String source) throws NpyFormatException {
        Start start = start(bytes, source);
        long available = bytes.length - start.dataStart;
        if (available < start.dataBytes) {
            throw new NpyFormatException(source, "truncated data: " + start.describe() + " needs " + start.dataBytes
                    + " bytes but only " + available + " remain");
        }
        if (available > start.dataBytes) {
            throw new NpyFormatException(source, "wrong data length: " + start.describe() + " needs " + start.dataBytes
                    + " bytes but " + available + " follow the header");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes).slice(start.dataStart, (int) start.dataBytes).order(start.descr.order);
        NpyHeader header = start.header;
        Object values = start.descr.decode(data, (int) start.count, source);
        if (header.fortranOrder() && header.shape().length > 1) {
            values = fortranToC(values, header.shape());
        }
        return NdArray.wrap(start.descr.type, header.shape(), values);
    }

    /**
     * The start of an {@code .npy} file, up to the data: what it declares, so that a reader can
     * check the shape (and size its buffer) before reading a single data byte.
     *
     * @param prefix    the bytes from the magic to the end of the header
     * @param dataBytes how many data bytes the header's shape and dtype need
     */
    record Start(byte[] prefix, NpyHeader header, Descr descr, int dataStart, long count, long dataBytes) {
        NdType type() {
            return descr.type;
        }

        int[] shape() {
            return header.shape();
        }

        String describe() {
            return "shape " + Arrays.toString(header.shape()) + " of '" + header.descr() + "'";
        }
    }

    /**
     * Reads magic, version and header from {@code in}, leaving it at the first data byte. A
     * header longer than {@code maxHeaderBytes} is refused before it is read.
     */
    static Start readStart(InputStream in, String source, int maxHeaderBytes) throws IOException {
        byte[] fixed = in.readNBytes(MAGIC.length + 2 + 4);
        int lengthFieldSize = fixed.length > 6 && (fixed[6] & 0xFF) == 1 ? 2 : 4;
        int prefixLength = MAGIC.length + 2 + lengthFieldSize;
        if (fixed.length < prefixLength) {
            return start(fixed, source); // reports the bad magic, version or truncation
        }
        ByteBuffer buf = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = lengthFieldSize == 2 ? Short.toUnsignedLong(buf.getShort(8)) : Integer.toUnsignedLong(buf.getInt(8));
        if (headerLength > maxHeaderBytes) {
            start(fixed, source); // a bad magic or version is the better message
            throw new NpyFormatException(source, "header of " + headerLength + " bytes is over the limit of " + maxHeaderBytes);
        }
        byte[] prefix = Arrays.copyOf(fixed, prefixLength + (int) headerLength);
        if (prefix.length <= fixed.length) {
            throw new NpyFormatException(source, "malformed header: " + headerLength + " bytes is too short for a header");
        }
        int read = in.readNBytes(prefix, fixed.length, prefix.length - fixed.length);
        return start(Arrays.copyOf(prefix, fixed.length + read), source);
    }

    /** Validates magic, version and header of {@code bytes} (which may end right after the header). */
    private static Start start(byte[] bytes, String source) throws NpyFormatException {
        if (bytes.length < MAGIC.length + 2) {
            boolean magicPrefix = Arrays.equals(bytes, 0, Math.min(bytes.length, MAGIC.length),
                    MAGIC, 0, Math.min(bytes.length, MAGIC.length));
            throw new NpyFormatException(source, magicPrefix
                    ? "truncated file (" + bytes.length + " bytes)" : "not an .npy file (bad magic)");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NpyFormatException(source, "not an .npy file (bad magic)");
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        if ((major < 1 || major > 3) || minor != 0) {
            throw new NpyFormatException(source, "unsupported .npy format version " + major + "." + minor);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int lengthFieldSize = major == 1 ? 2 : 4;
        if (bytes.length < 8 + lengthFieldSize) {
            throw new NpyFormatException(source, "truncated file (" + bytes.length + " bytes)");
        }
        long headerLength = major == 1 ? Short.toUnsignedLong(buf.getShort(8)) : Integer.toUnsignedLong(buf.getInt(8));
        long dataStart = 8 + lengthFieldSize + headerLength;
        if (dataStart > bytes.length) {
            throw new NpyFormatException(source, "truncated file: header needs " + headerLength
                    + " bytes but only " + (bytes.length - 8 - lengthFieldSize) + " remain");
        }
        String text = new String(bytes, 8 + lengthFieldSize, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text, source);
        Descr descr = Descr.parse(header.descr(), source);
        long count = 1;
        long dataBytes;
        try {
            for (int d : header.shape()) {
                count = Math.multiplyExact(count, d);
            }
            dataBytes = Math.multiplyExact(count, descr.size);
        } catch (ArithmeticException e) {
            throw new NpyFormatException(source, "array too large: shape " + Arrays.toString(header.shape()));
        }
        return new Start(Arrays.copyOf(bytes, (int) dataStart), header, descr, (int) dataStart, count, dataBytes);
    }

    /** Reorders column-major storage into row-major storage of the same shape. */
    private static Object fortranToC(Object src, int[] shape) {
        int n = java.lang.reflect.Array.getLength(src);
        Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), n);
        if (n == 0) {
            return dst;
        }
        int nd = shape.length;
        int[] fStride = new int[nd];
        fStride[0] = 1;
        for (int k = 1; k < nd; k++) {
            fStride[k] = fStride[k - 1] * shape[k - 1];
        }
        int[] index = new int[nd];
        int fOffset = 0;
        for (int c = 0; c < n; c++) {
            System.arraycopy(src, fOffset, dst, c, 1);
            // advance the C-order odometer (last axis fastest), tracking the Fortran offset
            for (int k = nd - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    fOffset += fStride[k];
                    break;
                }
                fOffset -= (shape[k] - 1) * fStride[k];
                index[k] = 0;
            }
        }
        return dst;
    }

    // ---------------------------------------------------------------- writing

    /** Encodes {@code array} as a little-endian, C-order {@code .npy} file. */
    public static byte[] write(NdArray array) {
        byte[] header = headerBytes(array);
        long dataBytes = array.size() * array.dtype().itemSize();
        if (header.length + dataBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(array + " is too large for one .npy byte array");
        }
        ByteBuffer out = ByteBuffer.allocate(header.length + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        encode(array, out);
        return out.array();
    }

    /** Writes {@code array} as {@code .npy} to {@code out} (not closed). */
    public static void write(NdArray array, OutputStream out) throws IOException {
        out.write(write(array));
    }

    /** Magic, version, length field and padded header, so that the data starts 64-byte aligned. */
    private static byte[] headerBytes(NdArray array) {
        int[] shape = array.intShape();
        StringBuilder text = new StringBuilder(
                new NpyHeader(array.dtype().descr(), false, shape).format());
        if (shape.length > 0) {
            text.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        // Version 1.0 unless the padded header overflows its 2-byte length field (as numpy decides).
        int major = 1;
        int lengthFieldSize = 2;
        int padded = paddedLength(text.length(), lengthFieldSize);
        if (padded > 0xFFFF) {
            major = 2;
            lengthFieldSize = 4;
            padded = paddedLength(text.length(), lengthFieldSize);
        }
        text.append(" ".repeat(padded - 1 - text.length())).append('\n');
        byte[] headerText = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + lengthFieldSize + headerText.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) headerText.length);
        } else {
            b.putInt(headerText.length);
        }
        return b.put(headerText).array();
    }

    /**
     * Header length including padding and the final newline, following numpy's
     * {@code _wrap_header}: 1..64 spaces (64 when already aligned) so the data is 64-byte aligned.
     */
    private static int paddedLength(int textLength, int lengthFieldSize) {
        int unpadded = MAGIC.length + 2 + lengthFieldSize + textLength + 1;
        return textLength + 1 + (ALIGN - unpadded % ALIGN);
    }

    private static void encode(NdArray array, ByteBuffer out) {
        Object storage = array.storage();
        switch (array.dtype()) {
            case FLOAT32 -> {
                out.asFloatBuffer().put((float[]) storage);
                out.position(out.position() + 4 * ((float[]) storage).length);
            }
            case FLOAT64 -> {
                out.asDoubleBuffer().put((double[]) storage);
                out.position(out.position() + 8 * ((double[]) storage).length);
            }
            case INT32 -> {
                for (long v : (long[]) storage) {
                    out.putInt((int) v);
                }
            }
            case INT64 -> {
                for (long v : (long[]) storage) {
                    out.putLong(v);
                }
            }
            case UINT8 -> {
                for (long v : (long[]) storage) {
                    out.put((byte) v);
                }
            }
            case BOOL -> {
                for (boolean v : (boolean[]) storage) {
                    out.put((byte) (v ? 1 : 0));
                }
            }
        }
    }

    // ---------------------------------------------------------------- dtype strings

    /** A parsed NumPy dtype string such as {@code '>f4'}: byte order, kind and item size. */
    record Descr(NdType type, ByteOrder order, char kind, int size) {

        static Descr parse(String descr, String source) throws NpyFormatException {
            NpyFormatException unsupported = new NpyFormatException(source, "unsupported dtype '" + descr + "'");
            if (descr.length() < 3) {
                throw unsupported;
            }
            ByteOrder order = switch (descr.charAt(0)) {
                case '<', '|' -> ByteOrder.LITTLE_ENDIAN; // '|' only matters for 1-byte types
                case '>' -> ByteOrder.BIG_ENDIAN;
                case '=' -> ByteOrder.nativeOrder();
                default -> null;
            };
            char kind = descr.charAt(1);
            String sizeText = descr.substring(2);
            if (order == null || !sizeText.matches("[1-9][0-9]?")) {
                throw unsupported;
            }
            int size = Integer.parseInt(sizeText);
            NdType type = switch (kind + sizeText) {
                case "f4" -> NdType.FLOAT32;
                case "f8" -> NdType.FLOAT64;
                case "i1", "i2", "i4", "u2" -> NdType.INT32;
                case "i8", "u4", "u8" -> NdType.INT64;
                case "u1" -> NdType.UINT8;
                case "b1" -> NdType.BOOL;
                default -> null;
            };
            if (type == null) {
                throw unsupported;
            }
            return new Descr(type, order, kind, size);
        }

        /** Decodes exactly {@code count} elements from {@code data} into storage for {@link #type}. */
        Object decode(ByteBuffer data, int count, String source) throws NpyFormatException {
            try {
                switch (type) {
                    case FLOAT32 -> {
                        float[] out = new float[count];
                        data.asFloatBuffer().get(out);
                        return out;
                    }
                    case FLOAT64 -> {
                        double[] out = new double[count];
                        data.asDoubleBuffer().get(out);
                        return out;
                    }
                    case BOOL -> {
                        boolean[] out = new boolean[count];
                        for (int i = 0; i < count; i++) {
                            out[i] = data.get() != 0;
                        }
                        return out;
                    }
                    default -> {
                        long[] out = new long[count];
                        for (int i = 0; i < count; i++) {
                            out[i] = integerAt(data);
                            if (out[i] < 0 && kind == 'u') {
                                throw new NpyFormatException(source, "uint64 value at index " + i
                                        + " exceeds the int64 range");
                            }
                        }
                        return out;
                    }
                }
            } catch (BufferUnderflowException e) {
                // unreachable after the length check in read(); kept so a bug cannot surface as a runtime error
                throw new NpyFormatException(source, "truncated data");
            }
        }

        private long integerAt(ByteBuffer data) {
            boolean unsigned = kind == 'u';
            return switch (size) {
                case 1 -> unsigned ? data.get() & 0xFF : data.get();
                case 2 -> unsigned ? data.getShort() & 0xFFFF : data.getShort();
                case 4 -> unsigned ? data.getInt() & 0xFFFFFFFFL : data.getInt();
                default -> data.getLong();
            };
        }
    }
}
