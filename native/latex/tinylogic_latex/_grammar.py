"""Written by generate.sh: the fingerprint of the grammar compiled into this extension."""

ATN_SHA256 = "1ae25608838ecf21a85b6815cba685d89f1407050ca9eba4c390d76340effe76"
