package vmalab.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A helper process for the live refresh test: on "map" it maps FILE (64 KiB, shared) and writes every page of it,
 * on "unmap" it unmaps it (the JDK's cleaner of a mapped buffer munmap()s it), on "quit" it exits; it answers
 * each command with "ok" once done.
 */
public final class MapperMain {
    private MapperMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        MappedByteBuffer map = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.strip()) {
                case "map" -> {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                        map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 64 * 1024);
                    }
                    for (int i = 0; i < 64 * 1024; i += 4096) map.put(i, (byte) 1);
                }
                case "unmap" -> {
                    unmap(map);
                    map = null;
                }
                case "quit" -> {
                    return;
                }
                default -> { }
            }
            System.out.println("ok");
            System.out.flush();
        }
    }

    private static void unmap(MappedByteBuffer b) throws Exception {
        if (b == null) return;
        Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object unsafe = f.get(null);
        unsafe.getClass().getMethod("invokeCleaner", java.nio.ByteBuffer.class).invoke(unsafe, b);
    }
}
