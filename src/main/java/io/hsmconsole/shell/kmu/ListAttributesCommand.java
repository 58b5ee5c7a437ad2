package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;

/** {@code listAttributes}: the attribute constants getAttribute accepts (AWS doc listing). */
final class ListAttributesCommand implements KmuCommand {
    private static final String LISTING = """

            Following are the possible attribute values for getAttributes:

                  OBJ_ATTR_CLASS                  = 0
                  OBJ_ATTR_TOKEN                  = 1
                  OBJ_ATTR_PRIVATE                = 2
                  OBJ_ATTR_LABEL                  = 3
                  OBJ_ATTR_KEY_TYPE               = 256
                  OBJ_ATTR_ENCRYPT                = 260
                  OBJ_ATTR_DECRYPT                = 261
                  OBJ_ATTR_WRAP                   = 262
                  OBJ_ATTR_UNWRAP                 = 263
                  OBJ_ATTR_SIGN                   = 264
                  OBJ_ATTR_VERIFY                 = 266
                  OBJ_ATTR_LOCAL                  = 355
                  OBJ_ATTR_MODULUS                = 288
                  OBJ_ATTR_MODULUS_BITS           = 289
                  OBJ_ATTR_PUBLIC_EXPONENT        = 290
                  OBJ_ATTR_VALUE_LEN              = 353
                  OBJ_ATTR_EXTRACTABLE            = 354
                  OBJ_ATTR_KCV                    = 371
            """;

    @Override
    public String name() {
        return "listAttributes";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HelpText.noArguments("listAttributes lists all attributes for getAttribute");
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        context.printer().out().print(LISTING);
        return ExitStatus.SUCCESS;
    }
}
