package vmalab.model.fs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulated filesystem: files by path, with device numbers and inodes handed out in order. */
public final class SimFs {
    /** The device new files land on unless told otherwise: fe:00, like a virtio disk. */
    public static final int DEFAULT_MAJOR = 0xfe;
    public static final int DEFAULT_MINOR = 0x00;

    private final Map<String, SimFile> files = new LinkedHashMap<>();
    private long nextInode = 1000;

    public SimFile lookup(String path) {
        SimFile f = files.get(path);
        if (f == null && !path.startsWith("/")) {
            for (SimFile g : files.values()) {
                if (g.baseName().equals(path)) return g;
            }
        }
        return f;
    }

    /** Creates (or replaces) a file on the default device. */
    public SimFile create(String path, long size) {
        SimFile old = files.get(path);
        SimFile f = new SimFile(path, size, DEFAULT_MAJOR, DEFAULT_MINOR, old != null ? old.inode() : nextInode++);
        files.put(path, f);
        return f;
    }

    /** Adds a file with given device and inode, as a profile or an imported /proc capture names them. */
    public SimFile add(SimFile f) {
        files.put(f.path(), f);
        nextInode = Math.max(nextInode, f.inode() + 1);
        return f;
    }

    public Collection<SimFile> files() {
        return files.values();
    }

    public SimFs copy() {
        SimFs c = new SimFs();
        c.files.putAll(files);
        c.nextInode = nextInode;
        return c;
    }
}
