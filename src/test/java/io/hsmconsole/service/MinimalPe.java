package io.hsmconsole.service;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The smallest honest Windows executable, built here so no binary is committed: a PE32 console program
 * (i386) with one .text section holding {@code ret}, 1,024 bytes — headers in the first 512, the
 * section in the next (FileAlignment 512, SectionAlignment 4 KiB), 16 data directories so a signer
 * finds the certificate table entry. {@code file} calls it "PE32 executable (console) Intel 80386".
 */
final class MinimalPe {
    /** Where the .text section starts in the file: a signature check over it sees a changed byte here. */
    static final int TEXT_OFFSET = 0x200;

    private MinimalPe() {
    }

    static byte[] build() {
        ByteBuffer f = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        f.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x40);           // DOS header, e_lfanew
        f.position(0x40);
        f.put("PE\0\0".getBytes(StandardCharsets.US_ASCII));
        f.putShort((short) 0x14C).putShort((short) 1).putInt(0).putInt(0).putInt(0)   // i386, one section
                .putShort((short) 0xE0).putShort((short) 0x0102);                       // optional header size; executable, 32-bit
        f.putShort((short) 0x10B).put((byte) 14).put((byte) 0)                         // PE32, linker 14.0
                .putInt(0x200).putInt(0).putInt(0)                                       // code, data, bss sizes
                .putInt(0x1000).putInt(0x1000).putInt(0x2000)                            // entry, base of code, base of data
                .putInt(0x400000).putInt(0x1000).putInt(0x200)                           // image base, alignments
                .putShort((short) 6).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 6).putShort((short) 0).putInt(0)                       // OS/subsystem versions
                .putInt(0x2000).putInt(0x200).putInt(0)                                  // image size, headers size, checksum
                .putShort((short) 3).putShort((short) 0x8540)                            // console; NX, no SEH, TS aware
                .putInt(0x100000).putInt(0x1000).putInt(0x100000).putInt(0x1000)         // stack and heap
                .putInt(0).putInt(16);                                                   // loader flags, 16 directories
        f.position(0x40 + 24 + 0xE0);
        f.put(".text\0\0\0".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(0x1000).putInt(0x200)
                .putInt(TEXT_OFFSET).putInt(0).putInt(0).putShort((short) 0).putShort((short) 0)
                .putInt(0x60000020);                                                     // code, execute, read
        f.put(TEXT_OFFSET, (byte) 0xC3);                                                 // ret
        return f.array();
    }
}
