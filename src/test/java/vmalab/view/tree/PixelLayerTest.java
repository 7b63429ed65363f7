package vmalab.view.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PixelLayerTest {
    @Test
    void opaque_colours_are_stored_as_they_are() {
        assertEquals(0xff336699, PixelLayer.pre(0xff336699));
    }

    @Test
    void a_translucent_colour_is_multiplied_by_its_alpha() {
        // alpha 0x80 = 128: 0xff * 128 / 255 = 128, 0x66 * 128 / 255 = 51
        assertEquals(0x80803300, PixelLayer.pre(0x80ff6600));
        assertEquals(0, PixelLayer.pre(0x00ffffff));
    }
}
