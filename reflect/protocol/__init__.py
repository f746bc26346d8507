"""The method: protocol files and their schema, the session flow, balance and topics."""
