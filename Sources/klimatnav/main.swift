print("klimatnav: not built yet")
