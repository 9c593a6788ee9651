from .cli import main

if __name__ == "__main__":  # a spawned reading process (Windows) imports this module again: it must not run
    main()
